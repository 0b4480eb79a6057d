// Imports itself through the barrel: a cycle the graph must survive.
import { Card } from './index' // want `goes through the barrel packages/ui/src/index.ts`
export const cx = (...names: string[]) => names.join(' ')
export const cardComponent = () => Card
