package app.shutter.media;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * ImageIO finds the TwelveMonkeys readers through META-INF/services at run time; a native image needs
 * their providers kept for reflection and the service files included as resources
 * (quarkus.native.resources.includes). Java2D itself comes from quarkus-awt in the native profile.
 */
@RegisterForReflection(targets = {
        com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi.class,
        com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi.class,
        com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi.class})
final class NativeImageSupport {

    private NativeImageSupport() {
    }
}
