package app.shutter.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.Header;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JCodec creates MP4 boxes by reflection (a box class's public constructor taking its Header), which a native
 * image only allows for registered classes: META-INF/native-image/.../reflect-config.json lists them.
 */
class NativeReflectionConfigTest {

    private static final String CONFIG = "/META-INF/native-image/app.shutter/shutter/reflect-config.json";

    @Test
    void every_jcodec_box_that_can_be_created_by_reflection_is_registered_and_nothing_else() throws Exception {
        Set<String> registered = new TreeSet<>();
        try (InputStream in = NativeReflectionConfigTest.class.getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG).isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.add(entry.get("name").asText());
                assertThat(entry.get("methods").get(0).get("parameterTypes").get(0).asText())
                        .isEqualTo(Header.class.getName());
            }
        }
        Set<String> boxes = new TreeSet<>();
        Path jar = Path.of(Box.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.startsWith("org/jcodec/containers/mp4/boxes/") && name.endsWith(".class")) {
                    Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                            Box.class.getClassLoader());
                    if (Box.class.isAssignableFrom(type) && hasPublicHeaderConstructor(type)) {
                        boxes.add(type.getName());
                    }
                }
            }
        }
        assertThat(boxes).contains("org.jcodec.containers.mp4.boxes.MovieBox",
                "org.jcodec.containers.mp4.boxes.TrakBox");
        assertThat(registered).isEqualTo(boxes);
    }

    private static boolean hasPublicHeaderConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor(Header.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
