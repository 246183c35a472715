/** `credentialSubject.id` of a credential object or of the credential a VC-JWT carries (not verified). */
export function subjectIdOf(credential: Record<string, unknown> | string): string | undefined {
  const value = typeof credential === 'string' ? jwtCredential(credential) : credential;
  const subject = value?.credentialSubject;
  const id = typeof subject === 'object' && subject !== null && !Array.isArray(subject) ? (subject as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

function jwtCredential(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof payload.vc === 'object' && payload.vc !== null ? (payload.vc as Record<string, unknown>) : payload;
  } catch {
    return undefined;
  }
}
