@echo off
rem awsj for Windows: needs a JDK or JRE 17+ (JAVA_HOME, else java on PATH).
setlocal
set "AWSJ_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %AWSJ_JAVA_OPTS% -jar "%AWSJ_HOME%\lib\awsj.jar" %*
exit /b %ERRORLEVEL%
