# One INTERFACE target carries the project's warnings, Qt safety defines and sanitizer flags,
# so every library, program and test links the same settings.
add_library(tandem_compile INTERFACE)
target_compile_options(tandem_compile INTERFACE -Wall -Wextra -Wpedantic)
target_compile_definitions(tandem_compile INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH)
if(TANDEM_SANITIZE)
    target_compile_options(tandem_compile INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(tandem_compile INTERFACE -fsanitize=address,undefined)
endif()
if(TANDEM_FUZZ)
    # libFuzzer is clang's. Everything is built with coverage instrumentation for the fuzzer
    # plus ASan and UBSan (any undefined behaviour is a crash); the fuzz targets add
    # -fsanitize=fuzzer at link time, which brings libFuzzer's main().
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "TANDEM_FUZZ needs clang: configure with CC=clang CXX=clang++")
    endif()
    if(TANDEM_SANITIZE)
        message(FATAL_ERROR "TANDEM_FUZZ already enables the sanitizers; leave TANDEM_SANITIZE off")
    endif()
    target_compile_options(tandem_compile INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer -g -O1)
    target_link_options(tandem_compile INTERFACE -fsanitize=address,undefined)
endif()
