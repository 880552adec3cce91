package org.equinode.torrent.dht;

/**
 * What a KRPC message says: a query ({@code y=q}), a reply ({@code y=r}) or an error ({@code y=e}).
 */
public sealed interface KrpcBody permits Query, Response, ErrorReply {}
