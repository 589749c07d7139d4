package kz.hotline114.ui.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import com.vaadin.flow.shared.Registration;

import tools.jackson.databind.json.JsonMapper;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import kz.hotline114.dashboard.Dashboard;
import kz.hotline114.dashboard.LiveBoard;
import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.risk.RiskFlags;
import kz.hotline114.ui.risk.RiskAlerts;

/**
 * {@code /ws/wallboard?token=...}: the live board as JSON (the same document as {@code GET /api/live})
 * on connect and on every change. Read-only: the handshake needs the wall-board token, there is no
 * user and no session, messages from the client are ignored. A slow TV never holds up the others: each
 * session buffers up to 1 MB and is closed when a send takes over 10 s.
 */
@Component
class WallboardSocket extends TextWebSocketHandler implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WallboardSocket.class);

    private final Dashboard dashboard;
    private final WallboardAccess access;
    private final BoardUpdates updates;
    private final JsonMapper json;
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private @Nullable Registration registration;

    private final RiskFlags risk;
    private final RiskAlerts riskAlerts;
    private @Nullable Registration riskRegistration;
    private volatile @Nullable LiveBoard last;

    WallboardSocket(Dashboard dashboard, WallboardAccess access, BoardUpdates updates, JsonMapper json, RiskFlags risk,
                    RiskAlerts riskAlerts) {
        this.risk = risk;
        this.riskAlerts = riskAlerts;
        this.dashboard = dashboard;
        this.access = access;
        this.updates = updates;
        this.json = json;
    }

    @PostConstruct
    void listen() {
        registration = updates.register(this::broadcast);
        // a flag or its acknowledgement changes the count at once, even on a quiet line
        riskRegistration = riskAlerts.register(e -> {
            var board = last;
            if (board != null) {
                broadcast(board);
            }
        });
    }

    /** The board as the wall-board reads it, with the count of callers at risk no supervisor has seen yet: only a count. */
    private String payload(LiveBoard board) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(board, Map.class);
        map.put("atRisk", risk.waitingCount());
        return json.writeValueAsString(map);
    }

    @PreDestroy
    void stopListening() {
        if (registration != null) {
            registration.remove();
        }
        if (riskRegistration != null) {
            riskRegistration.remove();
        }
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        if (!access.accepts(token)) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               @Nullable Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        var s = new ConcurrentWebSocketSessionDecorator(session, 10_000, 1 << 20);
        sessions.put(session.getId(), s);
        s.sendMessage(new TextMessage(payload(dashboard.board())));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.remove(session.getId());
    }

    /** Open wall-boards (for the health of the room's TVs, and tests). */
    int connected() {
        return sessions.size();
    }

    private void broadcast(LiveBoard board) {
        last = board;
        if (sessions.isEmpty()) {
            return;
        }
        var message = new TextMessage(payload(board));
        for (var s : sessions.values()) {
            try {
                s.sendMessage(message);
            } catch (IOException | RuntimeException e) {
                log.debug("Wall-board {} dropped: {}", s.getId(), e.toString());
                sessions.remove(s.getId());
                try {
                    s.close(CloseStatus.SESSION_NOT_RELIABLE);
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
    }
}
