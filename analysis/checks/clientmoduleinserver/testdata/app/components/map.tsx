'use client'
// A client boundary may import client-only modules.
import 'client-only'
import { hydrateRoot } from 'react-dom/client'
import { Chart } from 'chart.js'
export function Map() {
  return String(hydrateRoot) + String(Chart)
}
