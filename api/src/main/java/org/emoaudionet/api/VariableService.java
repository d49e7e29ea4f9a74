package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.CatalogModels.Variable;
import org.emoaudionet.api.CatalogModels.VariableCollection;

/**
 * Airflow's variables over {@link VariableStore}: listed, created, patched (the update mask
 * limiting what changes) and deleted, always shown masked ({@link SecretMask}).
 */
@ApplicationScoped
public class VariableService {
  @Inject VariableStore store;

  VariableCollection list(String pattern, String prefix, List<String> orderBy, String limit,
      String offset) {
    LikePattern like = Params.pattern(pattern);
    Map<String, Comparator<VariableStore.Stored>> sorts = new LinkedHashMap<>();
    sorts.put("key", Comparator.comparing(VariableStore.Stored::key));
    sorts.put("id", Comparator.comparingInt(VariableStore.Stored::id));
    sorts.put("_val", Comparator.comparing(v -> String.valueOf(v.value())));
    sorts.put("description", Comparator.comparing(v -> String.valueOf(v.description())));
    sorts.put("is_encrypted", Comparator.comparingInt(VariableStore.Stored::id));
    sorts.put("team_name", Comparator.comparingInt(VariableStore.Stored::id));
    Comparator<VariableStore.Stored> order = OrderBy.of(orderBy, sorts, "id");
    List<Variable> matched = store.all().stream()
        .filter(v -> OrderBy.like(like, v.key()) && OrderBy.prefix(prefix, v.key()))
        .sorted(order).map(VariableService::view).toList();
    OrderBy.Page<Variable> page = OrderBy.page(matched, limit, offset);
    return new VariableCollection(page.items(), page.total());
  }

  Variable create(VariableBody b) {
    if (!store.create(b.key(), b.value(), b.description())) {
      throw ApiException.conflict("The Variable with key: `" + b.key() + "` already exists");
    }
    return view(store.get(b.key()).orElseThrow());
  }

  Variable get(String key) {
    return view(require(key));
  }

  /** Airflow's patch: the body is a whole VariableBody; {@code mask} limits what changes. */
  Variable patch(String key, List<String> mask, VariableBody b) {
    if (!b.key().equals(key)) {
      throw ApiException.badRequest("Invalid body, key from request body doesn't match uri parameter");
    }
    VariableStore.Stored old = require(key);
    boolean all = mask == null || mask.isEmpty();
    String value = all || mask.contains("value") ? b.value() : old.value();
    String description = (all && b.fields().contains("description"))
        || (!all && mask.contains("description")) ? b.description() : old.description();
    return view(store.update(new VariableStore.Stored(old.id(), key, value, description)));
  }

  void delete(String key) {
    if (!store.delete(key)) throw notFound(key);
  }

  private VariableStore.Stored require(String key) {
    return store.get(key).orElseThrow(() -> notFound(key));
  }

  private static ApiException notFound(String key) {
    return ApiException.notFound("The Variable with key: `" + key + "` was not found");
  }

  private static Variable view(VariableStore.Stored v) {
    // stored in a mode-600 file, not encrypted with a Fernet key: is_encrypted says so
    return new Variable(v.description(), false, v.key(), null, SecretMask.variable(v.key(), v.value()));
  }
}
