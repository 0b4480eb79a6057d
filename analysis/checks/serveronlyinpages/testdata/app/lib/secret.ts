// want env:"server"
import 'server-only'

export const token = 'server-token'
