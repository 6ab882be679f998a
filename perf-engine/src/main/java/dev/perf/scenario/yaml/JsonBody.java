package dev.perf.scenario.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the YAML value of a {@code json:} field into JSON bytes, with variables substituted in strings. */
final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBody() {
    }

    static byte[] toJson(YamlDoc doc, Node node, String field) {
        Object value = toValue(doc, node, field);
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            doc.problem(node, field, "cannot be written as JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static Object toValue(YamlDoc doc, Node node, String field) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = doc.string(tuple.getKeyNode(), field);
                if (key != null) {
                    map.put(key, toValue(doc, tuple.getValueNode(), field + "." + key));
                }
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                list.add(toValue(doc, item, field + "[" + i++ + "]"));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String text = doc.string(scalar, field);
        if (text == null) {
            return null;
        }
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.valueOf(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")
                        || text.equalsIgnoreCase("on"));
            }
            if (tag.equals(Tag.INT)) {
                return new BigInteger(text.replace("_", ""));
            }
            if (tag.equals(Tag.FLOAT)) {
                return new BigDecimal(text.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }
}
