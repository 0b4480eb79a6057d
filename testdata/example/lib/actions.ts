'use server'

export async function saveNote(data: FormData) {
  console.log(data.get('note'))
}

export function deleteNote(id: string) {
  console.log(id)
}

export const MAX_NOTES = 100
