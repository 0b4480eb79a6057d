export { Button } from './button'
export { Card } from './card'
export { Tabs } from './tabs'
