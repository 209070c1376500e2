/* embed.c - build tool: writes a C file that holds the given files as byte
 * arrays plus a table of them (see src/base/embedded.h). Used instead of xxd
 * so the build needs nothing but the compiler. */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	printf("#include \"base/embedded.h\"\n#include <string.h>\n\n");
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		printf("static const unsigned char file_%d[] = {", i);
		int c;
		size_t n = 0;
		while ((c = fgetc(f)) != EOF)
			printf("%s%d,", (n++ % 24) ? "" : "\n", c);
		printf("0};\n");
		fclose(f);
	}
	printf("\nconst struct embedded_file embedded_files[] = {\n");
	for (int i = 1; i < argc; i++)
		printf("\t{\"%s\", file_%d, sizeof(file_%d) - 1},\n", argv[i], i, i);
	printf("\t{0, 0, 0}\n};\nconst size_t embedded_count = %d;\n\n", argc - 1);
	printf("const struct embedded_file *\nembedded_find(const char *name)\n{\n"
	       "\tfor (size_t i = 0; i < embedded_count; i++)\n"
	       "\t\tif (strcmp(embedded_files[i].name, name) == 0)\n"
	       "\t\t\treturn &embedded_files[i];\n\treturn NULL;\n}\n");
	return 0;
}
