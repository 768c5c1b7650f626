package app.shutter.auth;

import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeCacheClassesTest {

    @Test
    void every_class_caffeine_picks_for_the_applications_caches_is_registered_for_a_native_image() throws Exception {
        List<String> picked = new ArrayList<>();
        for (Cache<String, ?> cache : List.of(VerifiedTokenCache.newCache(10))) {
            Object local = cache.asMap();
            picked.add(local.getClass().getName());
            picked.add(nodeFactory(local).getClass().getName());
        }
        String[] registered = NativeCacheClasses.class.getAnnotation(RegisterForReflection.class).classNames();
        assertThat(picked).hasSize(2).allMatch(name -> name.startsWith("com.github.benmanes.caffeine.cache."));
        assertThat(registered).containsExactlyInAnyOrderElementsOf(picked);
    }

    private static Object nodeFactory(Object boundedCache) throws IllegalAccessException {
        for (Class<?> type = boundedCache.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals("nodeFactory")) {
                    field.setAccessible(true);
                    return field.get(boundedCache);
                }
            }
        }
        throw new AssertionError("no node factory in " + boundedCache.getClass());
    }
}
