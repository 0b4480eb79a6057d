'use server'

export default class Component {
  render() {
    return null
  }
}
