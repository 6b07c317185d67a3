namespace CallTranscription.WebApi.Startup;

/// <summary>A setting the options binder could not read, or a command line the service does not know.</summary>
internal sealed class InvalidConfigurationException(string message) : Exception(message);
