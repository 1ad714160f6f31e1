// socket.io already builds the WebSocket frame of a broadcast once for all its recipients, but only for a text
// packet. The fleet frame is one binary message (server/protocol/socket-parser.ts), so without this every screen's
// copy was framed anew on every tick. This extends socket.io's own optimisation to a broadcast that is one binary
// message: the whole frame (header and payload, one buffer) is built once and written as is to each screen.
// It hooks two internals, the adapter's `_encode` (socket.io-adapter 2.5) and engine.io's `wsPreEncodedFrame`
// packet option (engine.io 6.5+); when they are absent the hook does nothing and frames are built per socket as
// before. tests/server/gateway/pre-encoded-frames.test.ts checks the bytes a screen receives.

interface PacketOptions { wsPreEncodedFrame?: Buffer[] }
type Encode = (packet: unknown, opts: PacketOptions) => unknown[];

/** One unmasked, final, binary WebSocket frame (RFC 6455 §5.2) holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (head === 2) frame[1] = n;
  else if (head === 4) { frame[1] = 126; frame.writeUInt16BE(n, 2); }
  else { frame[1] = 127; frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2); frame.writeUInt32BE(n >>> 0, 6); }
  frame.set(payload, head);
  return frame;
}

/** Makes an adapter pre-build the WebSocket frame of every broadcast that encodes to one binary message. */
export function preEncodeBinaryFrames(adapter: object): void {
  const a = adapter as { _encode?: Encode };
  const original = a._encode;
  if (typeof original !== 'function') return;
  a._encode = function (this: unknown, packet, opts) {
    const encoded = original.call(this, packet, opts);
    const only = encoded.length === 1 ? encoded[0] : null;
    if (opts.wsPreEncodedFrame === undefined && only instanceof Uint8Array) opts.wsPreEncodedFrame = [binaryFrame(only)];
    return encoded;
  };
}
