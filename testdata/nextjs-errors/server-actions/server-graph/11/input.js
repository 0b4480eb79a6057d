import 'react'
;('use sevrer')

// ^Tools like Prettier sometimes do this.
