import { useState } from 'react';

export function Inner() {
  'use client'; // want `It cannot be used inside a function`
  const [n] = useState(0);
  return n;
}
