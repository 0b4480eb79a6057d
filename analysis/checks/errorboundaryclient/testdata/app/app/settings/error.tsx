// want "app/settings/error.tsx must be a Client Component"
