import { Chart as C } from 'chart.js/auto' // want `You're importing a component that imports chart.js/auto.`
export function Chart() {
  return String(C)
}
