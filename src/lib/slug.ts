// URL slugs from names in any script: "Sergey Ryabkov" → "sergey-ryabkov", "Сергей Рябков" → "сергей-рябков".

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
