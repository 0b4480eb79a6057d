'use client'

interface DialogProps {
  title: string
  onClose?: () => void
  submitAction?: (data: FormData) => Promise<void>
  action?: () => Promise<void>
  Renderer?: new () => object
}

export function Dialog({
  title,
  onClose, // want `Props must be serializable for components in the "use client" entry file. "onClose" is a function that's not a Server Action. .*\(app/page.tsx imports Dialog from the server graph.\)`
  submitAction,
  action,
  Renderer, // want `Props must be serializable for components in the "use client" entry file, "Renderer" is invalid.`
}: DialogProps) {
  return <div onClick={onClose}>{title}{String(submitAction)}{String(action)}{String(Renderer)}</div>
}
