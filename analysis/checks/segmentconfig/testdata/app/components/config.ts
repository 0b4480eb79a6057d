// Not a page, layout or route: no segment config here.
export const dynamic = 'always'
