package app.shutter.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Shutter API", version = "1.0",
        description = "Photo-sharing social network backend. Errors are application/problem+json (RFC 9457)."))
public class ShutterApplication extends Application {
}
