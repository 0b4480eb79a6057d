// A default and a renamed import, with a type: the new file re-exports
// the values, and the type for TypeScript.
import Slides, { Tooltip as Tip, type TooltipProps } from 'ui-kit' // want `The package "ui-kit" uses .useState.`

export default function Page(props: TooltipProps) {
  return (
    <Slides {...props}>
      <Tip />
    </Slides>
  )
}
