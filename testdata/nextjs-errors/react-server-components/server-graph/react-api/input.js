import { useState } from 'react'

import { createContext } from 'react'

import { useEffect, useImperativeHandle } from 'react'

import {
  Component,
  createFactory,
  PureComponent,
  useDeferredValue,
  useInsertionEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useSyncExternalStore,
} from 'react'

import { experimental_useOptimistic as useOptimistic } from 'react'

export default function () {
  return null
}
