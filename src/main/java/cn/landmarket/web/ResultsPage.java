package cn.landmarket.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.oversight.ResultService;
import cn.landmarket.oversight.ResultView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 成交公示: the published results of closed listings, latest close first, the same list as
 * {@code GET /api/public/results}: the buyer and the price of a sale, where objections go, and the
 * audit log entry of each close to verify on {@link VerifyPage}.
 */
@Path("/results")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ResultsPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Page page, PageView<ResultView> results,
                Paging paging);
    }

    @Inject
    ResultService service;

    @Inject
    Pages pages;

    @GET
    @Operation(hidden = true)
    public TemplateInstance results(@QueryParam("page") String pageParam) {
        PageView<ResultView> results = service.results(new PageRequest(Paging.number(pageParam), PAGE_SIZE));
        Paging paging = Paging.of(results, n -> "/results?page=" + n);
        Page p = pages.page();
        return Templates.results(p, results, paging).setLocale(p.locale());
    }
}
