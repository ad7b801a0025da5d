package cn.landmarket.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A form post without the reader's form token: refused with 403 and nothing done. */
public class FormRejected extends RuntimeException {

    public FormRejected() {
        super("form token missing or wrong", null, false, false);
    }

    /** Maps the refusal to a short page that asks to reload the form. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response refuse(FormRejected e) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("表单已过期或来源不明，请刷新页面后重试。 The form has expired or did not come from this site: reload the page and try again.")
                    .build();
        }
    }
}
