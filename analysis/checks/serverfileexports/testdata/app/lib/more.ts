'use server'

export async function other() {}
