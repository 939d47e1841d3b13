//! Which hosts a fetched image may come from: never a loopback, private, link-local or
//! otherwise non-public address unless the user allows it (`--allow-local-images`). The
//! rule is checked on the addresses a name resolves to, by the resolver ureq connects
//! through — so on every connection, every redirect included, and after the name is
//! resolved (a public name that resolves to `127.0.0.1` is refused too). A caller may name
//! exact socket addresses (IP and port) that stand in for public hosts — the tests' server
//! on `127.0.0.1` does, so that where its redirects lead is judged by the real rule; the
//! command line names none.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// A connection refused because the host resolved to an address that is not public.
#[derive(Debug, thiserror::Error)]
#[error("`{host}` is at {ip}, a {kind} address")]
pub struct LocalAddress {
    pub host: String,
    pub ip: IpAddr,
    pub kind: &'static str,
}

/// What kind of non-public address `ip` is; `None` for a public one.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => non_public_v6(v6),
    }
}

fn non_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        Some("link-local")
    } else if a == 0 || ip.is_broadcast() {
        Some("unspecified")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared (carrier-grade NAT)")
    } else if a == 198 && (18..20).contains(&b) {
        Some("benchmarking")
    } else if ip.is_multicast() || a >= 240 {
        Some("multicast or reserved")
    } else if ip.is_documentation() {
        Some("documentation")
    } else {
        None
    }
}

fn non_public_v6(ip: Ipv6Addr) -> Option<&'static str> {
    // An IPv4 address inside an IPv6 one (mapped, NAT64) is judged as that address.
    let segments = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return non_public_v4(v4);
    }
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [.., hi, lo] = segments;
        return non_public_v4(Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
    }
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() {
        Some("unspecified")
    } else if ip.is_unique_local() {
        Some("private (unique local)")
    } else if ip.is_unicast_link_local() {
        Some("link-local")
    } else if ip.is_multicast() {
        Some("multicast")
    } else if segments[0] == 0 {
        // ::/8 beyond loopback and unspecified: IPv4-compatible and reserved.
        Some("reserved")
    } else {
        None
    }
}

/// The system's resolver, with the public-address rule applied to what it finds.
#[derive(Debug, Default)]
pub struct PublicOnly {
    pub allow_local: bool,
    /// Socket addresses let through as if public (the same IP on another port is not).
    pub stand_ins: Vec<SocketAddr>,
    inner: DefaultResolver,
}

impl PublicOnly {
    pub fn new(allow_local: bool, stand_ins: Vec<SocketAddr>) -> PublicOnly {
        PublicOnly {
            allow_local,
            stand_ins,
            inner: DefaultResolver::default(),
        }
    }

    /// The first address of `addrs` the rule refuses, and what kind it is.
    fn refused(&self, addrs: &[SocketAddr]) -> Option<(IpAddr, &'static str)> {
        if self.allow_local {
            return None;
        }
        addrs
            .iter()
            .filter(|a| !self.stand_ins.contains(a))
            .find_map(|a| non_public(a.ip()).map(|k| (a.ip(), k)))
    }
}

impl Resolver for PublicOnly {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        // Any non-public address refuses the host: connecting picks among them.
        if let Some((ip, kind)) = self.refused(&addrs) {
            return Err(ureq::Error::Other(Box::new(LocalAddress {
                host: uri.host().unwrap_or("").to_string(),
                ip,
                kind,
            })));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_reserved_addresses_are_not_public() {
        for local in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "::127.0.0.1",
        ] {
            let ip: IpAddr = local.parse().unwrap();
            assert!(non_public(ip).is_some(), "{local} must not count as public");
        }
        for public in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700::1111",
            "64:ff9b::5db8:d822",
        ] {
            let ip: IpAddr = public.parse().unwrap();
            assert_eq!(non_public(ip), None, "{public} is public");
        }
    }

    #[test]
    fn a_stand_in_lets_through_its_exact_socket_address_only() {
        let at = |s: &str| s.parse::<SocketAddr>().unwrap();
        let rule = PublicOnly::new(false, vec![at("127.0.0.1:8080")]);
        assert_eq!(rule.refused(&[at("127.0.0.1:8080")]), None);
        for other in ["127.0.0.1:8081", "10.0.0.1:8080", "[::1]:8080"] {
            let refused = rule.refused(&[at("127.0.0.1:8080"), at(other)]);
            assert!(refused.is_some(), "{other} is not the stand-in");
        }
        assert!(
            PublicOnly::new(false, vec![])
                .refused(&[at("127.0.0.1:8080")])
                .is_some()
        );
        assert_eq!(rule.refused(&[at("93.184.216.34:443")]), None);
    }
}
