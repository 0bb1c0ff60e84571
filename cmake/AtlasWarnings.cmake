# Warnings and sanitizers shared by every project target: call atlas_target_defaults(<target>).
function(atlas_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(ATLAS_WERROR)
    # GCC 12 reports false -Wmaybe-uninitialized inside libstdc++ (std::regex, std::variant) at -O2
    # with the sanitizers; it stays a warning, every other warning is an error.
    target_compile_options(${target} PRIVATE -Werror $<$<CXX_COMPILER_ID:GNU>:-Wno-error=maybe-uninitialized>)
  endif()
endfunction()

if(ATLAS_SANITIZE)
  # Applied globally so every object, including the tests, shares one runtime.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
