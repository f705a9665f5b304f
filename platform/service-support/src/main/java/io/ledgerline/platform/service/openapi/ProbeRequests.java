package io.ledgerline.platform.service.openapi;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A request that only exists to be shown to the security rules (method and path, nothing else), so
 * that the document can say what each operation needs without a second copy of the rules.
 */
final class ProbeRequests {

  /** Mapped like the DispatcherServlet: the whole path is the path within the application. */
  private static final HttpServletMapping DEFAULT_SERVLET =
      new HttpServletMapping() {
        @Override
        public String getMatchValue() {
          return "";
        }

        @Override
        public String getPattern() {
          return "/";
        }

        @Override
        public String getServletName() {
          return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
          return MappingMatch.DEFAULT;
        }
      };

  private ProbeRequests() {}

  static HttpServletRequest of(String method, String path) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ProbeRequests.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, called, args) ->
                switch (called.getName()) {
                  case "getMethod" -> method;
                  case "getRequestURI", "getServletPath" -> path;
                  case "getContextPath" -> "";
                  case "getRequestURL" -> new StringBuffer("http://localhost" + path);
                  case "getScheme" -> "http";
                  case "getServerName" -> "localhost";
                  case "getServerPort" -> 80;
                  case "getDispatcherType" -> DispatcherType.REQUEST;
                  case "getHttpServletMapping" -> DEFAULT_SERVLET;
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  case "getAttributeNames", "getHeaderNames", "getParameterNames", "getHeaders" ->
                      Collections.emptyEnumeration();
                  case "getParameterMap" -> Map.of();
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "ProbeRequest[" + method + " " + path + "]";
                  default -> defaultFor(called.getReturnType());
                });
  }

  private static Object defaultFor(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
