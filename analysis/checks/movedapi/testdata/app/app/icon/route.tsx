import { NextResponse, ImageResponse as Image, type NextRequest } from "next/server"; // want `ImageResponse moved`

export function GET(req: NextRequest) {
  if (!req.nextUrl.searchParams.has("id")) return NextResponse.json({}, { status: 400 });
  return new Image(<div>icon</div>);
}
