// The live socket's packet codec: socket.io's own parser plus one rule. An event whose only argument is one binary
// block (the fleet frame) travels as ONE binary WebSocket message, where socket.io's default sends two (a text header
// and the attachment): per screen and tick, half the writes for the same bytes. Every other packet is socket.io's
// default encoding, byte for byte. Both ends use it: the server gives it to its Server (server/gateway/socket.ts),
// every client to io() (`parser: sitroomParser`); a client without it is refused the fleet topic with an error
// saying so (see SOCKET_PARSER_AUTH), because socket.io's own decoder cannot read a single-binary event.
import { Emitter } from '@socket.io/component-emitter';
import { Decoder as DefaultDecoder, Encoder as DefaultEncoder, PacketType, type Packet } from 'socket.io-parser';

/** What a client puts in its handshake `auth` to say it decodes single-binary events. */
export const SOCKET_PARSER_AUTH = { key: 'parser', value: 'sitroom-1' } as const;

/** The first byte of a single-binary event; then the event name's length (u8), the name (UTF-8) and the block. A
 *  socket.io attachment is never read without its text header first, so the two cannot be confused. */
const MAGIC = 0xb7;
const utf8 = new TextEncoder();
const utf8Decode = new TextDecoder();

function blockOf(x: unknown): Uint8Array | null {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  return null;
}

/** The event as one message, or null when it is not [name, one binary block] on the main namespace without ack. */
function encodeSingleBinary(p: Packet): Uint8Array | null {
  if ((p.type !== PacketType.EVENT && p.type !== PacketType.BINARY_EVENT) || p.id !== undefined || p.nsp !== '/') return null;
  const d: unknown = p.data;
  if (!Array.isArray(d) || d.length !== 2 || typeof d[0] !== 'string') return null;
  const block = blockOf(d[1]);
  if (!block) return null;
  const name = utf8.encode(d[0]);
  if (name.length > 255) return null;
  const out = typeof Buffer === 'function' ? Buffer.allocUnsafe(2 + name.length + block.byteLength) : new Uint8Array(2 + name.length + block.byteLength);
  out[0] = MAGIC;
  out[1] = name.length;
  out.set(name, 2);
  out.set(block, 2 + name.length);
  return out;
}

export class Encoder {
  private readonly base = new DefaultEncoder();
  // the return type is socket.io-parser's (string | binary chunks)
  encode(packet: Packet): ReturnType<DefaultEncoder['encode']> {
    const single = encodeSingleBinary(packet);
    return single ? [single] : this.base.encode(packet);
  }
}

interface DecoderEvents { decoded: (packet: Packet) => void }

export class Decoder extends Emitter<Record<string, never>, Record<string, never>, DecoderEvents> {
  private readonly base: DefaultDecoder;
  /** a binary packet's text header has come and its attachments have not all arrived yet */
  private awaitingAttachments = false;

  constructor(opts?: ConstructorParameters<typeof DefaultDecoder>[0]) {
    super();
    this.base = new DefaultDecoder(opts);
    this.base.on('decoded', (packet: Packet) => {
      this.awaitingAttachments = false;
      this.emitReserved('decoded', packet);
    });
  }

  add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      // "5…" binary event, "6…" binary ack: attachments follow (set first: a header without any decodes at once)
      this.awaitingAttachments = chunk[0] === '5' || chunk[0] === '6';
      this.base.add(chunk);
      return;
    }
    const bytes = blockOf(chunk);
    if (!this.awaitingAttachments && bytes && bytes.byteLength >= 2 && bytes[0] === MAGIC) {
      const end = 2 + bytes[1]!;
      if (bytes.byteLength < end) throw new Error('single-binary event: truncated name');
      const name = utf8Decode.decode(bytes.subarray(2, end));
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: [name, bytes.subarray(end)] });
      return;
    }
    this.base.add(chunk);
  }

  destroy(): void { this.base.destroy(); }
}

/** socket.io's `parser` option, for the Server and for io(). */
export const sitroomParser = { Encoder, Decoder };

/** The options every Sitroom client passes to io(): the parser, and the handshake saying it is in use (with any
 *  other auth fields, e.g. a screen's token). */
export function liveSocketOptions(auth: Record<string, string> = {}) {
  return { parser: sitroomParser, auth: { ...auth, [SOCKET_PARSER_AUTH.key]: SOCKET_PARSER_AUTH.value } };
}
