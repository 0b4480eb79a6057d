'use client'

export default function DashboardError() {
  return null
}
