package io.keyvault.spring.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * Resolves every host name to 127.0.0.1, so tests can use real vault host names
 * ({@code my-vault.vault.azure.net}) while every byte stays on the loopback interface.
 */
public final class LoopbackResolver extends AddressResolverGroup<InetSocketAddress> {

	public static final LoopbackResolver INSTANCE = new LoopbackResolver();

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {

			@Override
			protected void doResolve(String host, Promise<InetAddress> promise) {
				promise.setSuccess(loopback(host));
			}

			@Override
			protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
				promise.setSuccess(List.of(loopback(host)));
			}

		});
	}

	private static InetAddress loopback(String host) {
		try {
			return InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
