namespace CallTranscription.Application.UnitTests;

/// <summary>Gives an entity the id the database would have generated (its setter is private, as it should be).</summary>
internal static class StoredIds
{
    public static T Assign<T>(T entity, int id) where T : class
    {
        typeof(T).GetProperty("Id")!.SetValue(entity, id);
        return entity;
    }
}
