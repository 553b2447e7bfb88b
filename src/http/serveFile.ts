/**
 * GET /files/{id}?c=&e=&s=: streams a document file for a valid signed link.
 * Expired, altered and foreign links all get the same 403, and so does a
 * file whose document no longer belongs to the customer the link names.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileLinks } from '../documents/fileLinks';
import type { ErpPort } from '../erp/port';
import { ErpFailure } from '../errors';

export interface ServeFileDeps {
  erp: ErpPort;
  links: FileLinks;
  now: () => Date;
}

const REFUSED = { error: 'FORBIDDEN', message: 'This link is expired or not valid.' };

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 original. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveFile(
  request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string> }>,
  reply: FastifyReply,
  deps: ServeFileDeps,
): Promise<FastifyReply> {
  const fileId = request.params.id;
  const customerCode = deps.links.verify(fileId, request.query, deps.now());
  if (customerCode === null) return reply.code(403).send(REFUSED);
  try {
    const file = await deps.erp.documentFileContent(fileId);
    if (!file || file.customerCode !== customerCode) return reply.code(403).send(REFUSED);
    return reply
      .header('content-type', file.contentType || 'application/octet-stream')
      .header('content-disposition', contentDisposition(file.fileName))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  } catch (error) {
    if (error instanceof ErpFailure) return reply.code(503).send({ error: 'ERP_UNAVAILABLE', message: error.toClientError().message });
    throw error;
  }
}
