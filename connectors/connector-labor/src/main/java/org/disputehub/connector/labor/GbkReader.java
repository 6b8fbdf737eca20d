package org.disputehub.connector.labor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a batch strictly as GBK, a buffer at a time: bytes that are not GBK (a UTF-8 file, a stray byte, a
 * file cut inside a two-byte character) fail with {@link Undecodable} naming the line and byte offset instead
 * of turning into replacement characters. It also bounds a single row: more than {@code rowLimit} characters
 * read since the last row ended (an unclosed quote swallowing the rest of the file) fail with
 * {@link RowTooLong}, so one row can never take the whole file into memory.
 */
final class GbkReader extends Reader {

    static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = Labor.GBK.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final int rowLimit;
    private long bytesDecoded;
    private long charsRead;
    private long line = 1;
    private long rowMark;
    private boolean endOfInput;
    private boolean flushed;

    GbkReader(InputStream in, int rowLimit) {
        this.in = in;
        this.rowLimit = rowLimit;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            int before = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            bytesDecoded += bytes.position() - before;
            if (result.isError()) {
                count(cbuf, off, out.position() - off);
                throw new Undecodable(line, bytesDecoded, bytes, result.length());
            }
            if (out.position() > off || result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                if (out.position() == off) {
                    return -1;
                }
                break;
            }
            fill();
        }
        int n = out.position() - off;
        count(cbuf, off, n);
        if (charsRead - rowMark > (long) rowLimit + BUFFER) {
            throw new RowTooLong(rowLimit);
        }
        return n;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(char[] cbuf, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (cbuf[i] == '\n') {
                line++;
            }
        }
        charsRead += n;
    }

    /** A row ended: the row limit counts from here. */
    void rowEnded() {
        rowMark = charsRead;
    }

    /** Characters handed out so far (what the parser has taken, including what it buffered ahead). */
    long charsRead() {
        return charsRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not GBK. */
    static final class Undecodable extends IOException {
        Undecodable(long line, long offset, ByteBuffer bytes, int length) {
            super("not GBK: undecodable byte(s) " + hex(bytes, length) + " at byte offset " + offset + " (line " + line + ")");
        }

        private static String hex(ByteBuffer bytes, int length) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
                sb.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i)));
            }
            return sb.toString();
        }
    }

    /** A row longer than the limit, most likely an unclosed quote. */
    static final class RowTooLong extends IOException {
        RowTooLong(int limit) {
            super("a row longer than " + limit + " characters (an unclosed quote?)");
        }
    }
}
