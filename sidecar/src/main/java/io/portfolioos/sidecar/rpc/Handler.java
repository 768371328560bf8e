package io.portfolioos.sidecar.rpc;

/**
 * The code behind one contract method. Params arrive already decoded and validated; throw an {@link
 * io.portfolioos.contract.RpcException} (or a subclass) for an error the caller should see.
 */
@FunctionalInterface
public interface Handler<P, R> {
  R handle(P params, RequestContext context) throws Exception;
}
