package dev.awsj.documents;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.function.Function;

/** A WireMock stub answer computed from the request (echo services, per-part audio). */
public final class Responder implements ResponseDefinitionTransformerV2 {
    private final String name;
    private volatile Function<Request, ResponseDefinition> answer = r -> ResponseDefinition.notConfigured();

    public Responder(String name) {
        this.name = name;
    }

    public void answer(Function<Request, ResponseDefinition> fn) {
        this.answer = fn;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return answer.apply(serveEvent.getRequest());
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return name;
    }
}
