#Requires -Version 7.4
<#
.SYNOPSIS
    Publishes a module folder as a .nupkg into a local file repository and leaves the PSResourceGet
    settings exactly as it found them.

.DESCRIPTION
    Publish-PSResource publishes only to a registered repository. This script registers the file
    repository under a name of its own for this one publish (KonbiniApiBuild-<random>, so it can never
    replace or re-point a repository already registered), publishes, and unregisters that name again
    whether or not the publish worked. build.ps1's Package task runs it; tests/Pester/Package.Tests.ps1
    checks that the registered repositories are the same before and after, also when publishing fails.

.EXAMPLE
    ./tools/Publish-LocalPackage.ps1 -ModulePath ./out/KonbiniApi -RepositoryPath ./out/repo
#>
[CmdletBinding()]
param(
    # The module folder to publish (it holds the manifest).
    [Parameter(Mandatory)] [string] $ModulePath,
    # The folder of the file repository; created when missing.
    [Parameter(Mandatory)] [string] $RepositoryPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

Import-Module Microsoft.PowerShell.PSResourceGet
$null = New-Item -ItemType Directory -Force $RepositoryPath
$name = 'KonbiniApiBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
Register-PSResourceRepository -Name $name -Uri (Resolve-Path $RepositoryPath).Path -Trusted
Write-Host "    registered the PSResourceGet repository $name for this publish"
try {
    Publish-PSResource -Path $ModulePath -Repository $name -ErrorAction Stop
}
catch {
    throw "Publish-PSResource failed for $ModulePath (the manifest may still be missing something the Gallery checks need): $($_.Exception.Message)"
}
finally {
    Unregister-PSResourceRepository -Name $name
    Write-Host "    unregistered $name"
}
