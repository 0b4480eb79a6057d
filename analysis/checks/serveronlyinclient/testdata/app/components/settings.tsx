'use client'
import { loadSettings } from '../lib/settings'
import { client } from 'server-sdk' // want `depends on "server-only" into a React Client Component module. .*\(the package "server-sdk" depends on "server-only".\)`
import { key } from '@acme/secrets' // want `depends on "@acme/secrets"`

export function Settings() {
  return <p>{String(loadSettings) + String(client) + key}</p>
}
