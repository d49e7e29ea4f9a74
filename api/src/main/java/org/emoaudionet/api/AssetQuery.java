package org.emoaudionet.api;

import java.util.List;

/** The query of {@code GET /api/v2/assets}, parsed (patterns compiled, {@code only_active} checked). */
record AssetQuery(String limit, String offset, LikePattern name, String namePrefix,
    LikePattern uri, String uriPrefix, List<String> dagIds, List<String> orderBy) {

  static AssetQuery parse(String limit, String offset, String namePattern, String namePrefix,
      String uriPattern, String uriPrefix, List<String> dagIds, String onlyActive,
      List<String> orderBy) {
    Params.bool("only_active", onlyActive); // every asset here is active: checked, not filtering
    return new AssetQuery(limit, offset, Params.pattern(namePattern), namePrefix,
        Params.pattern(uriPattern), uriPrefix, dagIds, orderBy);
  }
}
