import { useState } from 'react'

// ♥ is one UTF-16 code unit but three UTF-8 bytes, so the columns after it
// differ between the two encodings.
export function LikeButton() {
  const [liked, setLiked] = useState(false)
  return <button title="♥" onClick={() => setLiked(!liked)}>{liked ? '♥' : '♡'}</button>
}
