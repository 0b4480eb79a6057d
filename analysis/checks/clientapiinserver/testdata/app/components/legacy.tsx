import React from 'react'

export class Legacy extends React.Component { // want "You’re importing a class component"
  render() {
    return null
  }
}
