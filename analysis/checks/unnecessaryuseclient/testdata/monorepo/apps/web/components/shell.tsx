'use client'
import { Button } from '@acme/ui/button'
import { Badge } from '@acme/lib'
import { Panel } from '@acme/kit/src/panel'
import { Chip } from '@acme/dist-only'
import { Card } from '../registry/new-york/card'
import { Local } from './local'

export function Shell() {
  return <main><Button /><Badge /><Panel /><Chip /><Card /><Local /></main>
}
