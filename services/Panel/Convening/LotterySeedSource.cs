using System.Security.Cryptography;

namespace Civic.Panel.Convening;

/// <summary>Where a draw's seed comes from; injected so tests can fix it.</summary>
public interface ILotterySeedSource
{
    ulong NextSeed();
}

/// <summary>Seeds from the operating system's cryptographic generator: nobody can choose or predict a draw's seed.</summary>
public sealed class CryptographicSeedSource : ILotterySeedSource
{
    public ulong NextSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
}
