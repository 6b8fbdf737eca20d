package org.disputehub.hub.budget;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Field;

/**
 * A JSON factory that counts the parsers (reads) and generators (writes) it creates, by the first hub method on the
 * stack, put into an ObjectMapper in place of its own (the mapper creates one per read or write of a document).
 */
final class JsonCounting extends JsonFactory {

    private static final StackWalker STACK = StackWalker.getInstance();

    private JsonCounting(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    static void install(ObjectMapper mapper) {
        if (mapper.getFactory() instanceof JsonCounting || (mapper.getFactory().getClass() != JsonFactory.class
                && mapper.getFactory().getClass() != MappingJsonFactory.class)) {
            return; // counted already, or a non-JSON format (XML, YAML) whose factory is not ours to replace
        }
        try {
            Field f = ObjectMapper.class.getDeclaredField("_jsonFactory");
            f.setAccessible(true);
            f.set(mapper, new JsonCounting(mapper.getFactory(), mapper));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot count the JSON of " + mapper, e);
        }
    }

    @Override
    public JsonFactory copy() {
        return new JsonCounting(this, null);
    }

    private static void count(String kind) {
        String caller = STACK.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("org.disputehub.")
                        && !f.getClassName().startsWith("org.disputehub.hub.budget.")
                        && !f.getClassName().equals("org.disputehub.canonical.codec.Json"))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("(framework)"));
        CostCounters.count(kind, caller);
    }

    @Override
    public JsonParser createParser(String content) throws IOException {
        count(CostCounters.JSON_READ);
        return super.createParser(content);
    }

    @Override
    public JsonParser createParser(byte[] data) throws IOException {
        count(CostCounters.JSON_READ);
        return super.createParser(data);
    }

    @Override
    public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
        count(CostCounters.JSON_READ);
        return super.createParser(data, offset, len);
    }

    @Override
    public JsonParser createParser(InputStream in) throws IOException {
        count(CostCounters.JSON_READ);
        return super.createParser(in);
    }

    @Override
    public JsonParser createParser(Reader r) throws IOException {
        count(CostCounters.JSON_READ);
        return super.createParser(r);
    }

    @Override
    public JsonGenerator createGenerator(Writer w) throws IOException {
        count(CostCounters.JSON_WRITE);
        return super.createGenerator(w);
    }

    @Override
    public JsonGenerator createGenerator(OutputStream out, JsonEncoding enc) throws IOException {
        count(CostCounters.JSON_WRITE);
        return super.createGenerator(out, enc);
    }
}
