package kz.hotline114.ui.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The wall-board's plain WebSocket (no STOMP: it coexists with Vaadin push, see STACK.md). */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WallboardConfiguration implements WebSocketConfigurer {

    private final WallboardSocket socket;

    WallboardConfiguration(WallboardSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/ws/wallboard").addInterceptors(socket);
    }
}
