package cn.landmarket.oversight;

/** A bidder's objection to a listing's published result: its reasons (required; at most market.results.objection-max-chars). */
public record LodgeObjectionRequest(String reasons) {
}
